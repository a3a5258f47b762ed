using IroPortal.Modularity;

[assembly: Module(
    Id = "OpenId",
    Name = "OpenID Connect",
    Description = "Staff sign in with the council's own account (Microsoft Entra ID or another OpenID Connect provider), and the council's systems reach the portal's API with client-credentials tokens.",
    Dependencies = ["Users"])]
