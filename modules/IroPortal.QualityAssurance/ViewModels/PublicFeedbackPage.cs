using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record PublicFeedbackPage(QaActivity RespondentType, DateOnly? ReviewDate, FeedbackAnswersForm Answers)
{
    public bool ForAChild => RespondentType == QaActivity.ChildFeedback;
}
