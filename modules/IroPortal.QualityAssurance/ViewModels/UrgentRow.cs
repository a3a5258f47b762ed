using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record UrgentRow(UrgentConcern Concern, QaActivity From, DateTime? NextDeadline, int Escalations);
