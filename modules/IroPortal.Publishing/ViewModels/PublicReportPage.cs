using System.Xml.Linq;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace IroPortal.Publishing.ViewModels;

public sealed record PublicReportPage(int Year, ReleaseVersion Release, IReadOnlyList<ReleaseVersion> Versions, IReadOnlyList<ReleaseSection> Sections, bool HasPdf, bool HasChildren, bool IsCurrent);
