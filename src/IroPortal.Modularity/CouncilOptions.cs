namespace IroPortal.Modularity;

/// <summary>The "Council" section of configuration: who runs this portal, shown in headers and footers.</summary>
public sealed class CouncilOptions
{
    public string Name { get; set; } = "Northmoor Council";
    public string ServiceName { get; set; } = "Independent Reviewing Officer service";
    public string ContactEmail { get; set; } = "iro.service@northmoor.example";
    public string ContactPhone { get; set; } = "01632 960 000";
    public string Website { get; set; } = "https://www.northmoor.example";
}
