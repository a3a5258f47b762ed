using IroPortal.Modularity;

[assembly: Module(
    Id = "AnnualReport",
    Name = "Annual report",
    Description = "The IRO service's annual report: compiled from sections, live figures and the IROs' contributions, reviewed, approved and exported.",
    Dependencies = ["Users"])]
