using IroPortal.Modularity;

[assembly: Module(
    Id = "Publishing",
    Name = "Publishing",
    Description = "Publishes the approved annual report: the board version with questions and the board's resolution, the public report with PDF and Excel, the children's summary, all behind the privacy guard.",
    Dependencies = ["Users", "AnnualReport"])]
