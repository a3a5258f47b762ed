using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace IroPortal.Testing;

/// <summary>A web host environment with no files, for a service built without the portal around it.</summary>
public sealed class BareEnvironment : IWebHostEnvironment
{
    public string WebRootPath { get; set; } = "";
    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    public string ApplicationName { get; set; } = "IroPortal.Testing";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public string EnvironmentName { get; set; } = "Production";
}
