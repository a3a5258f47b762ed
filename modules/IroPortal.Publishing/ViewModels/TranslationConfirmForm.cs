using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Publishing.ViewModels;

public sealed class TranslationConfirmForm
{
    public const int MaxReadBy = 200;
    public int Revision { get; set; }
    public string? ReadBy { get; set; }
    public bool NamesNoChild { get; set; }

    public void Validate(ModelStateDictionary state, string language)
    {
        if (string.IsNullOrWhiteSpace(ReadBy)) state.AddModelError("Confirm.ReadBy", $"Enter who read the translation against the English: someone who reads {language}");
        else if (ReadBy.Trim().Length > MaxReadBy) state.AddModelError("Confirm.ReadBy", $"Who read it must be {MaxReadBy} characters or fewer");
        if (!NamesNoChild) state.AddModelError("Confirm.NamesNoChild", "Confirm that the reader found it says what the English says and names no child, in any alphabet");
    }
}
