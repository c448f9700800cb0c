using System.Text;
using CertGrid.Api.GraphQl.ResponseCaching;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>The response cache's doorkeeper on its own: a request counts as seen only once it came before, part for part.</summary>
public sealed class RequestSightingsTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"query":"query($c:String!){ verifyCredential(credential:$c){ valid } }","variables":{"c":"a"}}""");

    [Fact]
    public void A_request_is_seen_before_from_its_second_sighting_on()
    {
        var sightings = new RequestSightings(4096);

        Assert.False(sightings.SeenBefore("POST", "application/json", "en", Body));
        Assert.True(sightings.SeenBefore("POST", "application/json", "en", Body));
        Assert.True(sightings.SeenBefore("POST", "application/json", "en", Body));
    }

    [Fact]
    public void Every_part_the_cache_key_hashes_tells_requests_apart()
    {
        var sightings = new RequestSightings(4096);
        sightings.SeenBefore("POST", "application/json", "en", Body);

        Assert.False(sightings.SeenBefore("GET", "application/json", "en", Body));
        Assert.False(sightings.SeenBefore("POST", "application/graphql-response+json", "en", Body));
        Assert.False(sightings.SeenBefore("POST", "application/json", "de", Body));
        Assert.False(sightings.SeenBefore("POST", "application/json", "en", Body.AsSpan(0, Body.Length - 1)));
    }

    [Fact]
    public void Distinct_requests_each_pass_the_door_once_and_are_remembered()
    {
        var sightings = new RequestSightings(1 << 20);
        var requests = Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes($"{{\"request\":{i}}}")).ToList();

        Assert.All(requests, request => Assert.False(sightings.SeenBefore("POST", "application/json", "", request)));

        // A thousand requests in a million slots: about one pair shares a slot (the later one is remembered instead).
        var remembered = requests.Count(request => sightings.SeenBefore("POST", "application/json", "", request));
        Assert.InRange(remembered, 990, 1000);
    }
}
