using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record FeedbackPage(FeedbackResponse Response, string IroName, Guid? UrgentId, string? LanguageName, bool IsManager);
