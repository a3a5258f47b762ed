using IroPortal.Modularity;

[assembly: Module(
    Id = "Home",
    Name = "Home pages",
    Description = "The public home page of the IRO service, the staff home page, and friendly error pages.",
    Dependencies = ["Users"],
    AlwaysEnabled = true)]
