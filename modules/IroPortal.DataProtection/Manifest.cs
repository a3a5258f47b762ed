using IroPortal.Modularity;

[assembly: Module(
    Id = "DataProtection",
    Name = "Data protection and accessibility",
    Description = "Retention periods and the disposal job, finding, exporting and erasing what the portal holds about a person, the privacy notices on feedback forms, the accessibility statement and the cookies page.",
    Dependencies = ["Users"])]
