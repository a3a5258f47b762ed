using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class QuestionForm
{
    public string? Section { get; set; }
    public string? Text { get; set; }
}
