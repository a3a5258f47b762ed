using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class UrgentActionForm
{
    public const int MaxLength = 4000;
    /// <summary>The field's name on the page, where the form is the page's <c>Form</c>.</summary>
    public const string Field = "Form." + nameof(ActionTaken);

    public string? ActionTaken { get; set; }
    public Guid Version { get; set; }
}
