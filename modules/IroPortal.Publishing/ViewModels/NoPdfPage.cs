using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed record NoPdfPage(string Back, string Problem);
