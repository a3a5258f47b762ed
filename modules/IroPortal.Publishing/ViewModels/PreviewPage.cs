using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public sealed record PreviewPage(int Year, Audience Audience, GuardState Guard);
