using IroPortal.Modularity.Forms;
using IroPortal.Modularity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Publishing.ViewModels;

public class TranslationNamesForm
{
    public string? Language { get; set; }
    public string? Name { get; set; }
    public string? EnglishName { get; set; }

    public void Validate(ModelStateDictionary state)
    {
        foreach (var (field, message) in Languages.NameProblems(Name, EnglishName)) state.AddModelError("Form." + field, message);
    }
}
