using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IroPortal.Modularity.Permissions;

/// <summary>Authorises an action or controller by a permission: <c>[RequirePermission(QaPermissions.Manage)]</c>.
/// Several permissions in one attribute are alternatives (any of them will do); several attributes must all pass.
/// Where an alternative lets a user see only their own records, the action checks whose record it is.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public const string PolicyPrefix = "Permission:";

    public RequirePermissionAttribute(params string[] anyOf) : base(PolicyPrefix + string.Join('|', anyOf)) => AnyOf = anyOf;

    public IReadOnlyList<string> AnyOf { get; }
}

/// <summary>Any signed-in user, whatever their roles: their own account pages and the staff home.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInAttribute : AuthorizeAttribute;

/// <summary>Open to everyone, signed in or not. Says so on purpose, where [AllowAnonymous] might be a slip.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicAttribute : AllowAnonymousAttribute;

public sealed class PermissionRequirement(IReadOnlyList<string> anyOf) : IAuthorizationRequirement
{
    public IReadOnlyList<string> AnyOf { get; } = anyOf;
}

public sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        var granted = await checker.GetGrantedAsync(context.User);
        if (requirement.AnyOf.Any(granted.Contains))
            context.Succeed(requirement);
    }
}

/// <summary>Builds "Permission:X" policies on demand, so modules need not register one per permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Api.RequireScopeAttribute.PolicyPrefix, StringComparison.Ordinal))
            return new AuthorizationPolicyBuilder(Api.RequireScopeAttribute.BearerScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new Api.ScopeRequirement(policyName[Api.RequireScopeAttribute.PolicyPrefix.Length..]))
                .Build();
        if (!policyName.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[RequirePermissionAttribute.PolicyPrefix.Length..].Split('|')))
            .Build();
    }
}
