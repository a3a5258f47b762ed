using IroPortal.Modularity.Forms;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;

namespace IroPortal.Performance.ViewModels;

public sealed record CheckPage(StagedUpload Upload, ParsedReturn Parsed, (int Children, int Episodes, int Reviews, int Allocations) Existing, ReturnImport? LastImport);
