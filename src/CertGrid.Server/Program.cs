using CertGrid.Grains.Storage;
using CertGrid.Server.Hosting;
using Microsoft.Extensions.Options;

try
{
    var app = await CertGridServer.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is StorageUnavailableException or InvalidConfigurationException or OptionsValidationException)
{
    // A configuration or infrastructure problem: say what to fix, without a stack trace.
    await Console.Error.WriteLineAsync($"CertGrid cannot start: {ex.Message}");
    return 2;
}

/// <summary>The CertGrid server entry point (silo + API, or API only).</summary>
public partial class Program;
