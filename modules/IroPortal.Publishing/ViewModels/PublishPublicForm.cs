using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class PublishPublicForm
{
    public string? ChangeNote { get; set; }
}
