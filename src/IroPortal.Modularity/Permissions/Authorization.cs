using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IroPortal.Modularity.Permissions;

/// <summary>Authorises an action or controller by a permission: <c>[RequirePermission(QaPermissions.ManageObservations)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public const string PolicyPrefix = "Permission:";

    public RequirePermissionAttribute(string permission) : base(PolicyPrefix + permission) => Permission = permission;

    public string Permission { get; }
}

/// <summary>Any signed-in user, whatever their roles: their own account pages and the staff home.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInAttribute : AuthorizeAttribute;

/// <summary>Open to everyone, signed in or not. Says so on purpose, where [AllowAnonymous] might be a slip.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicAttribute : AllowAnonymousAttribute;

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && await checker.IsGrantedAsync(context.User, requirement.Permission))
            context.Succeed(requirement);
    }
}

/// <summary>Builds "Permission:X" policies on demand, so modules need not register one per permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[RequirePermissionAttribute.PolicyPrefix.Length..]))
            .Build();
    }
}
