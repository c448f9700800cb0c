namespace CertGrid.Grains.OAuth;

[GenerateSerializer, Alias("certgrid.state.oauth-record")]
public sealed class OAuthRecordState
{
    [Id(0)] public string Json { get; set; } = string.Empty;
    [Id(1)] public string Version { get; set; } = string.Empty;
    [Id(2)] public List<string> Links { get; set; } = [];
}
