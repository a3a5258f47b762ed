using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace IroPortal.Users.Services;

/// <summary>
/// A person comes back from the council's provider. They are the portal user already linked to the provider's
/// subject; or, at their first sign-in, the user with the email the provider has verified, who is linked from then
/// on; or, only where the administrator mapped one of their groups to a role, a new user with those roles.
/// Anyone else is refused. A disabled user is refused whatever the provider says.
/// </summary>
internal sealed class ExternalSignIn(
    UserManager<PortalUser> users,
    PortalSignInManager signIn,
    IAuditTrail audit,
    TimeProvider clock) : IExternalSignIn
{
    /// <summary>The same words for every refusal, so the page does not tell a stranger who has an account.</summary>
    private const string NotForYou = "Your council account is not set up for this portal. Ask the portal's administrator to add you; until then you cannot sign in with it.";

    public async Task<ExternalSignInResult> SignInAsync(ExternalIdentity person, CancellationToken cancellationToken = default)
    {
        var who = person.Email ?? $"{person.ProviderName} subject {person.Subject}";
        var user = await users.FindByLoginAsync(person.Provider, person.Subject);
        if (user is null && person.Email is { Length: > 0 } email)
        {
            var byEmail = await users.FindByEmailAsync(email);
            if (byEmail is not null && !person.EmailVerified)
                return await RefuseAsync($"{person.ProviderName} did not confirm the email {email}, so it was not linked to the portal account.", byEmail, who);
            if (byEmail is { IsDisabled: true })
                return await RefuseAsync($"{person.ProviderName}: the account is disabled.", byEmail, who);
            // One account at the provider per portal user: another subject with the same email (an address moved
            // to someone else) does not take over the account already linked.
            if (byEmail is not null && (await users.GetLoginsAsync(byEmail)).Any(l => l.LoginProvider == person.Provider))
                return await RefuseAsync($"{person.ProviderName}: another account there ({person.Subject}) has this user's email, but the user is linked to a different one.", byEmail, who);
            if (byEmail is not null)
            {
                user = byEmail;
                await users.AddLoginAsync(user, new UserLoginInfo(person.Provider, person.Subject, person.ProviderName));
                await audit.RecordAsync(AuditEventTypes.CouncilAccountLinked, $"{person.ProviderName}: linked by the verified email at the first sign-in.", user.Id, user.Email, cancellationToken);
            }
        }
        if (user is null && person.RolesFromGroups.Count > 0 && person.EmailVerified && person.Email is { Length: > 0 })
        {
            user = new PortalUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = (person.Name ?? person.Email).Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                return await RefuseAsync($"{person.ProviderName}: the account could not be created ({string.Join(" ", created.Errors.Select(e => e.Description))}).", null, who);
            await users.AddLoginAsync(user, new UserLoginInfo(person.Provider, person.Subject, person.ProviderName));
            await users.AddToRolesAsync(user, person.RolesFromGroups);
            await audit.RecordAsync(AuditEventTypes.UserCreated, $"From {person.ProviderName} at their first sign-in, with {string.Join(", ", person.RolesFromGroups)} from their groups.", user.Id, user.Email, cancellationToken);
        }
        if (user is null)
            return await RefuseAsync($"{person.ProviderName}: no portal user for this account, and none of its groups is mapped to a role.", null, who);
        if (user.IsDisabled)
            return await RefuseAsync($"{person.ProviderName}: the account is disabled.", user, who);

        // Roles mapped from groups are added, never taken away: the administrator may have given more by hand.
        var missing = person.RolesFromGroups.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            await users.AddToRolesAsync(user, missing);
            await audit.RecordAsync(AuditEventTypes.RolesChanged, $"Added {string.Join(", ", missing)} from their groups at {person.ProviderName}.", user.Id, user.Email, cancellationToken);
        }

        var result = await signIn.SignInExternalAsync(user, person.Provider, person.UsedMultiFactor);
        if (result.RequiresTwoFactor) return new ExternalSignInResult(ExternalSignInOutcome.NeedsCode);
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventTypes.SignedIn, person.UsedMultiFactor ? $"{person.ProviderName}, with its multi-factor authentication" : person.ProviderName, user.Id, user.Email, cancellationToken);
        return new ExternalSignInResult(ExternalSignInOutcome.SignedIn);
    }

    private async Task<ExternalSignInResult> RefuseAsync(string why, PortalUser? user, string who)
    {
        await audit.RecordAsync(AuditEventTypes.SignInFailed, why, user?.Id, user?.Email ?? who);
        return new ExternalSignInResult(ExternalSignInOutcome.Refused, NotForYou);
    }
}
