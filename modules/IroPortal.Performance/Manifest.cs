using IroPortal.Modularity;

[assembly: Module(
    Id = "Performance",
    Name = "Review performance data",
    Description = "Imports the SSDA903 return and the IRO allocation list, and works out reviews' timeliness, participation and caseloads for each reporting year.",
    Dependencies = ["Users", "AnnualReport"])]
