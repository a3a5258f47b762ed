using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record LinkCreatedPage(FeedbackRequest Request, string Link, string IroName);
