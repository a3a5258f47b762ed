using IroPortal.Modularity;

[assembly: Module(
    Id = "Notifications",
    Name = "Reminders and notifications",
    Description = "The scheduler that runs every module's reminders on time, notifications in the portal, and email sent once through an outbox.",
    Dependencies = ["Users"])]
