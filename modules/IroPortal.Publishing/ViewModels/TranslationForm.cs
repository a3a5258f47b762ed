using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Publishing.ViewModels;

public sealed class TranslationForm : TranslationNamesForm
{
    public int Revision { get; set; }
    public Dictionary<string, string?> Texts { get; set; } = [];

    public static TranslationForm From(ChildrenSummaryTranslation t) => new()
    {
        Language = t.Language, Name = t.Name, EnglishName = t.EnglishName, Revision = t.Revision,
        Texts = SummaryTranslations.TextsOf(t).ToDictionary(p => p.Key, p => (string?)p.Value),
    };

    public static string Field(string key) => $"Form.Texts[{key}]";

    /// <returns>The translated pieces, trimmed; an empty box shows the English.</returns>
    public new Dictionary<string, string> Validate(ModelStateDictionary state)
    {
        base.Validate(state);
        var texts = new Dictionary<string, string>();
        foreach (var piece in SummaryTranslations.Pieces)
        {
            var text = Texts.GetValueOrDefault(piece.Key)?.Replace("\r\n", "\n").Trim();
            if (string.IsNullOrEmpty(text)) continue;
            var limit = piece.Long ? ChildrenSummaryService.MaxText : SummaryTranslations.MaxShort;
            if (text.Length > limit) state.AddModelError(Field(piece.Key), $"{piece.Label}: keep the translation to {limit:N0} characters or fewer; it is {text.Length:N0}");
            else texts[piece.Key] = text;
        }
        return texts;
    }
}
