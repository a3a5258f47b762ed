using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Services;

/// <summary><c>create-admin --email EMAIL --name "FULL NAME"</c>: the first administrator of a new portal, who
/// then adds everyone else. Prints a single-use link to set the password; no password is ever printed or typed.</summary>
internal sealed class CreateAdministratorCommand(IServiceScopeFactory scopes, TimeProvider clock) : IPortalCommand
{
    public string Name => "create-admin";
    public string Usage => "create-admin --email EMAIL --name \"FULL NAME\"   add an administrator and print a link (valid 3 days) to set their password";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? Option(string name) => arguments.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email")?.Trim();
        var name = Option("--name")?.Trim();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(name) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            await error.WriteLineAsync($"Give a valid --email and a --name.\nUsage: {Usage}");
            return ExitCodes.Usage;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"A user with the email address {email} already exists. An administrator can change their roles on the Users page.");
            return ExitCodes.InvalidInput;
        }
        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, PortalRoles.Administrator);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync(string.Join(" ", created.Errors.Select(e => e.Description)));
            return ExitCodes.Failed;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(AuditEventTypes.UserCreated, "Administrator, from the command line.", user.Id, email, cancellationToken);
        await output.WriteLineAsync($"Administrator {name} <{email}> added. To set the password, open this address on the portal's site within 3 days (it works once):");
        // Commands run before the routes are mapped, so this one address is written out (AccountController.SetPassword).
        await output.WriteLineAsync($"/account/set-password?userId={user.Id}&token={Uri.EscapeDataString(token)}");
        await output.WriteLineAsync("They will be asked to set up two-factor authentication at their first sign-in.");
        return ExitCodes.Success;
    }
}
