using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed record TranslationAddPage(int Year, TranslationNamesForm Form);
