using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>Who is told of urgent messages, who they escalate to, how soon, and the words added to the built-in list.</summary>
public sealed class SafeguardingForm
{
    public const int MaxHours = 40;
    public const int MaxExtraWords = 500;
    public const int MaxExtraLength = 8000;

    public List<Guid> DutyManagers { get; set; } = [];
    public Guid? FirstEscalation { get; set; }
    public Guid? SecondEscalation { get; set; }
    public Guid? ThirdEscalation { get; set; }
    public string? Hours { get; set; }
    public string? ExtraWords { get; set; }

    public IReadOnlyList<StaffMember> Candidates { get; set; } = [];
    public SafeguardingSettings Settings { get; set; } = new();

    public IEnumerable<SelectListItem> EscalationChoices =>
        Candidates.Select(c => new SelectListItem(c.DisplayName, c.Id.ToString())).Prepend(new SelectListItem("Nobody", ""));

    public (IReadOnlyList<Guid> DutyManagers, IReadOnlyList<Guid> Escalation, int Hours) Validate(ModelStateDictionary state)
    {
        var known = Candidates.Select(c => c.Id).ToHashSet();
        if (DutyManagers.Any(id => !known.Contains(id)))
            state.AddModelError(nameof(DutyManagers), "Choose duty managers from the list: only IRO managers and senior managers can be told of urgent messages");
        var steps = new[] { (nameof(FirstEscalation), FirstEscalation, "first"), (nameof(SecondEscalation), SecondEscalation, "second"), (nameof(ThirdEscalation), ThirdEscalation, "third") };
        var chain = new List<Guid>();
        var gap = false;
        foreach (var (field, id, which) in steps)
        {
            if (id is not { } person) { gap = true; continue; }
            if (!known.Contains(person)) state.AddModelError(field, $"Choose the {which} person to escalate to from the list");
            else if (gap) state.AddModelError(field, $"Choose who comes before the {which} person to escalate to, or choose nobody here");
            else if (chain.Contains(person)) state.AddModelError(field, $"The {which} person to escalate to is already named above: choose someone else, or nobody");
            else chain.Add(person);
        }
        var hours = 0;
        if (string.IsNullOrWhiteSpace(Hours)) state.AddModelError(nameof(Hours), "Enter how many working hours someone has to record what was done");
        else if (!int.TryParse(Hours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours))
            state.AddModelError(nameof(Hours), "Enter the working hours as a whole number, like 4");
        else if (hours is < 1 or > MaxHours) state.AddModelError(nameof(Hours), $"The working hours must be between 1 and {MaxHours}");
        var extra = HarmWords.Extra(ExtraWords ?? "");
        if (extra.Count > MaxExtraWords) state.AddModelError(nameof(ExtraWords), $"Add at most {MaxExtraWords} words and phrases; there are {extra.Count}");
        else if (string.Join('\n', extra).Length > MaxExtraLength)
            state.AddModelError(nameof(ExtraWords), $"The added words and phrases must be {MaxExtraLength} characters or fewer in all");
        else if (extra.FirstOrDefault(w => w.Length > 100) is { } tooLong)
            state.AddModelError(nameof(ExtraWords), $"Each word or phrase must be 100 characters or fewer: \u201c{tooLong[..40]}\u2026\u201d is {tooLong.Length}");
        return ([.. DutyManagers.Distinct()], chain, hours);
    }
}
