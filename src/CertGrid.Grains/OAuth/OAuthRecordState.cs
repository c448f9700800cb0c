namespace CertGrid.Grains.OAuth;

[GenerateSerializer, Alias("certgrid.state.oauth-record")]
public sealed class OAuthRecordState
{
    [Id(0)] public string Json { get; set; } = string.Empty;
    [Id(1)] public string Version { get; set; } = string.Empty;
    [Id(2)] public List<string> Links { get; set; } = [];

    /// <summary>From when the record serves nothing any more (an authorization: its last token's expiry) and is pruned.</summary>
    [Id(3)] public DateTimeOffset? PrunableAfter { get; set; }
}
