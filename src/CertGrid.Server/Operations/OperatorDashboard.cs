using Orleans.Dashboard;

namespace CertGrid.Server.Operations;

/// <summary>The Orleans Dashboard (silos, grains, calls, reminders) at <c>/dashboard/</c>, for the platform operator only.</summary>
public static class OperatorDashboard
{
    public const string Path = "/dashboard";

    public static IEndpointRouteBuilder MapOperatorDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(Path).AddEndpointFilter<OperatorKeyGate>();
        return app;
    }
}
