using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>A language for the children's form: its code, its names, and its wording, typed in or uploaded.</summary>
public sealed class ChildLanguageForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? EnglishName { get; set; }
    public Dictionary<string, string?> Texts { get; set; } = [];

    public bool IsNew { get; set; }
    public ChildLanguage? Updated { get; set; }

    public string? Text(string key) => Texts.GetValueOrDefault(key);

    public Dictionary<string, string> Validate(ModelStateDictionary state)
    {
        foreach (var (field, message) in Languages.NameProblems(Name, EnglishName)) state.AddModelError(field, message);
        var texts = new Dictionary<string, string>();
        foreach (var word in ChildWords.All)
        {
            var text = Texts.GetValueOrDefault(word.Key)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (text.Length > ChildLanguages.MaxText)
                state.AddModelError($"Texts[{word.Key}]", $"The translation of \u201c{word.English}\u201d must be {ChildLanguages.MaxText:N0} characters or fewer; it is {text.Length:N0}");
            else texts[word.Key] = text;
        }
        return texts;
    }
}
