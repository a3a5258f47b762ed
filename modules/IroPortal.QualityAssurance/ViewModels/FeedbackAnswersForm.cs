using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>Answers to one feedback form, online or typed in by the manager. Keys are question keys.</summary>
public class FeedbackAnswersForm
{
    public Dictionary<string, int?> Ratings { get; set; } = [];
    public Dictionary<string, string?> Texts { get; set; } = [];

    public void Validate(ModelStateDictionary state, QaActivity type)
    {
        foreach (var question in FeedbackForms.For(type))
        {
            if (question.IsRating && Ratings.GetValueOrDefault(question.Key) is { } rating && rating is < 1 or > 5)
                state.AddModelError($"Ratings[{question.Key}]", $"Choose one of the answers for \"{question.Text}\"");
            if (!question.IsRating && Texts.GetValueOrDefault(question.Key)?.Length > 4000)
                state.AddModelError($"Texts[{question.Key}]", $"Your answer to \"{question.Text}\" must be 4,000 characters or fewer");
        }
    }

    public IEnumerable<FeedbackAnswer> ToAnswers(QaActivity type) => FeedbackForms.For(type)
        .Select(q => new FeedbackAnswer
        {
            QuestionKey = q.Key,
            Rating = q.IsRating ? Ratings.GetValueOrDefault(q.Key) : null,
            Text = q.IsRating ? null : Texts.GetValueOrDefault(q.Key)?.Trim() is { Length: > 0 } text ? text : null,
        })
        .Where(a => a.Rating is not null || a.Text is not null);
}
