using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class ObservationForm : QaRecordForm
{
    public DateParts ObservedOn { get; set; } = new();
    public string? ReviewDescription { get; set; }
    public List<StandardGradeInput> Standards { get; set; } = Enum.GetValues<ObservationStandard>().Select(s => new StandardGradeInput { Standard = s }).ToList();
    public string? Strengths { get; set; }
    public string? AreasForDevelopment { get; set; }
    /// <summary>"share" to send it to the IRO now; anything else keeps it a draft.</summary>
    public string? Submit { get; set; }

    public DateOnly? Validate(ModelStateDictionary state, DateOnly today)
    {
        var observedOn = ObservedOn.Validate(state, nameof(ObservedOn), "the date of the observation", notAfter: today);
        ValidateCommon(state, today);
        if (ReviewDescription?.Length > 200)
            state.AddModelError(nameof(ReviewDescription), "The description of the review must be 200 characters or fewer");
        if (Standards.Count != Enum.GetValues<ObservationStandard>().Length || Standards.Select(s => s.Standard).Distinct().Count() != Standards.Count)
            state.AddModelError("", "The form's standards were changed. Reload the page and try again.");
        for (var i = 0; i < Standards.Count; i++)
            if (Standards[i].Grade is null)
                state.AddModelError($"Standards[{i}].Grade", $"Choose a grade for {Standards[i].Standard.Name().ToLowerInvariant()}");
        if (string.IsNullOrWhiteSpace(Strengths))
            state.AddModelError(nameof(Strengths), "Describe the strengths you saw");
        if (string.IsNullOrWhiteSpace(AreasForDevelopment))
            state.AddModelError(nameof(AreasForDevelopment), "Describe the areas for development, or write \"None\"");
        return observedOn;
    }
    /// <summary>What was written, once <see cref="Validate"/> has passed.</summary>
    public ObservationWritten Written(DateOnly observedOn, DateOnly today) => new(
        IroId!.Value, observedOn, CaseReference!, ReviewDescription ?? "", OverallGrade!.Value, Strengths!, AreasForDevelopment!,
        Standards.Select(g => new ObservationGrade { Standard = g.Standard, Grade = g.Grade!.Value, Evidence = g.Evidence?.Trim() ?? "" }).ToList(),
        ActionsGiven(today).ToList(), Submit == "share");
}
