using IroPortal.Modularity;

[assembly: Module(
    Id = "BoardActions",
    Name = "The board's action plan",
    Description = "Actions the corporate parenting board agreed on the annual report, with owners, due dates, updates and reminders; carried into next year's report, and summarised for the public when the manager chooses.",
    Dependencies = ["Users", "AnnualReport", "Publishing"])]
