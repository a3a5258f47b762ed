using IroPortal.Modularity;

[assembly: Module(
    Id = "Users",
    Name = "Users and sign-in",
    Description = "Users, roles and permissions; sign-in with two-factor authentication; the audit trail.",
    AlwaysEnabled = true)]
