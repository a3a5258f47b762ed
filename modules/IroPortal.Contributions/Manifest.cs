using IroPortal.Modularity;

[assembly: Module(
    Id = "Contributions",
    Name = "IRO contributions",
    Description = "Rounds in which each IRO contributes to the annual report: caseload, good practice, themes, challenges, children's voices, training and ideas.",
    Dependencies = ["Users", "Performance", "AnnualReport"])]
