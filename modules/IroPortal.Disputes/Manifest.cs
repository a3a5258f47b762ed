using IroPortal.Modularity;

[assembly: Module(
    Id = "Disputes",
    Name = "Dispute resolution",
    Description = "The IROs' record of concerns raised about children's cases: informal resolution, the council's formal stages with working-day timescales, Cafcass referrals, reminders, themes and the annual report's figures.",
    Dependencies = ["Users", "AnnualReport"])]
