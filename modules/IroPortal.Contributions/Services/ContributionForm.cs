using IroPortal.Contributions.Models;
using IroPortal.Modularity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Contributions.Services;

/// <summary>What the IRO posts. Numbers arrive as text so that "sixty" gets a message, not a silent blank.</summary>
public sealed class ContributionForm
{
    public Guid Version { get; set; }
    public string? Caseload { get; set; }
    public string? ReviewsChaired { get; set; }
    public string? FiguresChangeReason { get; set; }
    public string? GoodPractice { get; set; }
    public string? Themes { get; set; }
    public string? ConcernsRaised { get; set; }
    public string? ChildrenVoices { get; set; }
    public string? TrainingReceived { get; set; }
    public string? TrainingNeeded { get; set; }
    public string? Improvements { get; set; }
    /// <summary>The IRO has read the words the check flagged as possible names and says none is a child's.</summary>
    public bool NamesChecked { get; set; }

    public static ContributionForm From(Contribution c) => new()
    {
        Version = c.Version,
        Caseload = c.Caseload?.ToString(),
        ReviewsChaired = c.ReviewsChaired?.ToString(),
        FiguresChangeReason = c.FiguresChangeReason,
        GoodPractice = c.GoodPractice, Themes = c.Themes, ConcernsRaised = c.ConcernsRaised, ChildrenVoices = c.ChildrenVoices,
        TrainingReceived = c.TrainingReceived, TrainingNeeded = c.TrainingNeeded, Improvements = c.Improvements,
    };

    public string? Answer(string field) => field switch
    {
        nameof(GoodPractice) => GoodPractice,
        nameof(Themes) => Themes,
        nameof(ConcernsRaised) => ConcernsRaised,
        nameof(ChildrenVoices) => ChildrenVoices,
        nameof(TrainingReceived) => TrainingReceived,
        nameof(TrainingNeeded) => TrainingNeeded,
        nameof(Improvements) => Improvements,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Checks the form. A draft may be incomplete but never malformed or identifying; a submission must be whole.</summary>
    /// <returns>Words in the children's voices that may be names, for the IRO to confirm.</returns>
    public IReadOnlyList<IdentifyingFinding> Validate(ModelStateDictionary state, Contribution contribution, bool submitting, IEnumerable<string> staffNames)
    {
        var caseload = Number(state, nameof(Caseload), Caseload, "Your caseload", submitting, 0, 500);
        var reviews = Number(state, nameof(ReviewsChaired), ReviewsChaired, "The number of reviews you chaired", submitting, 0, 5000);
        var changed = (contribution.PrefilledCaseload is { } pc && caseload is { } c && c != pc)
                      || (contribution.PrefilledReviewsChaired is { } pr && reviews is { } r && r != pr);
        if (changed && string.IsNullOrWhiteSpace(FiguresChangeReason))
            state.AddModelError(nameof(FiguresChangeReason), "Say why your figures differ from the review data, so the manager can check them");
        if (FiguresChangeReason?.Length > 1000)
            state.AddModelError(nameof(FiguresChangeReason), "The reason must be 1,000 characters or fewer");

        foreach (var question in ContributionQuestions.All)
        {
            var text = Answer(question.Field);
            if (text?.Length > ContributionQuestions.MaxLength)
                state.AddModelError(question.Field, $"{question.Heading} must be {ContributionQuestions.MaxLength:N0} characters or fewer");
            else if (submitting && string.IsNullOrWhiteSpace(text))
                state.AddModelError(question.Field, $"Write something under \"{question.Heading}\", even if only \"Nothing this year\"");
        }

        var findings = IdentifyingText.Find(ChildrenVoices, ApprovedNames.ForPeople(staffNames));
        foreach (var certain in findings.Where(f => !f.IsPossibleName))
            state.AddModelError(nameof(ChildrenVoices), $"Children's voices: \"{certain.Text}\" looks like {certain.Kind}. Take it out: nothing here may identify a child");
        var names = findings.Where(f => f.IsPossibleName).ToList();
        if (names.Count > 0 && !NamesChecked)
            state.AddModelError(nameof(ChildrenVoices), $"Children's voices: {string.Join(", ", names.Select(n => $"\"{n.Text}\""))} may be a name. Take out any child's name, or tick the box below to say these are not names");
        return names;
    }

    private static int? Number(ModelStateDictionary state, string field, string? text, string what, bool required, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) state.AddModelError(field, $"Enter {what.ToLowerInvariant()}");
            return null;
        }
        if (!int.TryParse(text.Trim().Replace(",", ""), out var value) || value < min || value > max)
        {
            state.AddModelError(field, $"{what} must be a whole number from {min} to {max:N0}");
            return null;
        }
        return value;
    }

    public void ApplyTo(Contribution c)
    {
        c.Caseload = int.TryParse(Caseload?.Trim().Replace(",", ""), out var caseload) ? caseload : null;
        c.ReviewsChaired = int.TryParse(ReviewsChaired?.Trim().Replace(",", ""), out var reviews) ? reviews : null;
        c.FiguresChangeReason = FiguresChangeReason?.Trim() ?? "";
        foreach (var question in ContributionQuestions.All)
            question.Write(c, Answer(question.Field)?.Trim() ?? "");
    }
}
