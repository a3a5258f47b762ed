using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>The children's form: the answers, and what only a child is asked.</summary>
public sealed class ChildFeedbackForm : FeedbackAnswersForm
{
    public const string IroNotKnown = "not-known";

    /// <summary>The IRO's id, <see cref="IroNotKnown"/>, or nothing. Asked only when a child starts the form themselves.</summary>
    public string? Iro { get; set; }
    /// <summary>"yes" or "no".</summary>
    public string? Contact { get; set; }
    public string? ContactDetails { get; set; }
    public string? Version { get; set; }
    public string? Lang { get; set; }
    /// <summary>A field people never see (it is hidden from sight and from screen readers); software that fills in
    /// every field fills it, and what it sends is not kept.</summary>
    public string? Extra { get; set; }

    /// <summary>"Yes", or a way to contact them written without answering the question: a child who leaves a
    /// phone number wants a call.</summary>
    public bool WantsContact => Contact == "yes" || (Contact != "no" && !string.IsNullOrWhiteSpace(ContactDetails));
    public bool LooksAutomated => !string.IsNullOrEmpty(Extra);

    /// <summary>Checks the answers, with messages in the child's language.</summary>
    /// <returns>The IRO chosen; <see cref="FeedbackResponse.NoIroNamed"/> when none was.</returns>
    public Guid Validate(ModelStateDictionary state, ChildPageWords words, ChildFormVersion version, IReadOnlyList<StaffMember>? iros)
    {
        foreach (var question in FeedbackForms.For(QaActivity.ChildFeedback))
        {
            var text = words.Text(ChildWords.QuestionKey(version, question.Key));
            if (question.IsRating && Ratings.GetValueOrDefault(question.Key) is { } rating && rating is < 1 or > 5)
                state.AddModelError($"Ratings[{question.Key}]", words.Format("error.rating", text));
            if (!question.IsRating && Texts.GetValueOrDefault(question.Key)?.Length > 4000)
                state.AddModelError($"Texts[{question.Key}]", words.Format("error.too-long", text));
        }
        if (ContactDetails?.Length > 500)
            state.AddModelError(nameof(ContactDetails), words.Text("error.contact-long"));
        if (iros is null || string.IsNullOrEmpty(Iro) || Iro == IroNotKnown) return FeedbackResponse.NoIroNamed;
        if (Guid.TryParse(Iro, out var id) && iros.Any(i => i.Id == id)) return id;
        state.AddModelError(nameof(Iro), words.Text("error.iro"));
        return FeedbackResponse.NoIroNamed;
    }
}
