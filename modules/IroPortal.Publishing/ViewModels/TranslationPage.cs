using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public sealed record TranslationPage(ChildrenSummaryTranslation Translation, TranslationForm Form, TranslationConfirmForm Confirm,
    IReadOnlyDictionary<string, string> English, TranslationState State);
