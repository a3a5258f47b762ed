using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>Fields shared by observations and audits: which IRO, when, which child's case, the actions agreed.</summary>
public abstract class QaRecordForm
{
    public Guid? IroId { get; set; }
    public string? CaseReference { get; set; }
    public Grade? OverallGrade { get; set; }
    public List<ActionInput> Actions { get; set; } = [];
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];

    protected void ValidateCommon(ModelStateDictionary state, DateOnly today)
    {
        if (IroId is not { } iro || Iros.All(i => i.Id != iro))
            state.AddModelError(nameof(IroId), "Choose the IRO");
        if (global::IroPortal.Modularity.CaseReference.Problem(CaseReference) is { } referenceProblem)
            state.AddModelError(nameof(CaseReference), referenceProblem);
        if (OverallGrade is null)
            state.AddModelError(nameof(OverallGrade), "Choose an overall grade");
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (string.IsNullOrWhiteSpace(action.Description) && action.DueOn.IsEmpty) continue;
            if (string.IsNullOrWhiteSpace(action.Description))
                state.AddModelError($"Actions[{i}].Description", $"Describe action {i + 1}, or clear its due date");
            else if (action.Description.Length > 1000)
                state.AddModelError($"Actions[{i}].Description", $"Action {i + 1} must be 1,000 characters or fewer");
            action.DueOn.Validate(state, $"Actions[{i}].DueOn", $"the due date of action {i + 1}", notBefore: today);
        }
    }

    /// <summary>Room for three actions on a new form; rows left empty are ignored.</summary>
    public void PadActions()
    {
        while (Actions.Count < 3) Actions.Add(new ActionInput());
    }

    public IEnumerable<(string Description, DateOnly DueOn)> ActionsGiven(DateOnly today) => Actions
        .Where(a => !string.IsNullOrWhiteSpace(a.Description))
        .Select(a => (a.Description!.Trim(), a.DueOn.Validate(new ModelStateDictionary(), "x", "x", notBefore: today)!.Value));
}
