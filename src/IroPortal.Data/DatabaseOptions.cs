namespace IroPortal.Data;

public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>The "Database" section of configuration.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL. For SQLite, empty means a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives, relative to the content root unless absolute.</summary>
    public string DataFolder { get; set; } = "App_Data";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>/health says the database cannot be written when the SQLite file's disk has less free than this.</summary>
    public int MinimumFreeMegabytes { get; set; } = 64;
}
