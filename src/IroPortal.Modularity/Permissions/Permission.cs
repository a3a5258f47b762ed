namespace IroPortal.Modularity.Permissions;

/// <summary>Something a role may be allowed to do. Names are "Module.Verb", stable once released:
/// role grants are stored against them.</summary>
public sealed record Permission(string Name, string Title, string Group, string Description = "");

/// <summary>The roles the portal ships with. An administrator changes what each may do.</summary>
public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string IroManager = "IRO manager";
    public const string Iro = "IRO";
    public const string BoardMember = "Board member";
    /// <summary>A senior manager of children's services who reviews the annual report before it is approved.</summary>
    public const string SeniorManager = "Senior manager";
    /// <summary>Clerks the corporate parenting board: records its resolution and its action plan.</summary>
    public const string BoardClerk = "Board clerk";

    public static readonly IReadOnlyList<string> All = [Administrator, IroManager, Iro, BoardMember, SeniorManager, BoardClerk];
}

/// <summary>A module's Permissions.cs implements this: what it defines, and which roles get what by default.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    /// <summary>Applied once, when a permission is first seen; after that an administrator's choice stands.</summary>
    IEnumerable<DefaultGrant> GetDefaultGrants();
}

public sealed record DefaultGrant(string Role, params IReadOnlyList<string> Permissions);

/// <summary>Answers whether the current user's roles grant a permission.</summary>
public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(System.Security.Claims.ClaimsPrincipal user, string permission);
    Task<IReadOnlySet<string>> GetGrantedAsync(System.Security.Claims.ClaimsPrincipal user);
}
