using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class QuestionSetForm
{
    /// <summary>One question a line.</summary>
    public string? Questions { get; set; }
}
