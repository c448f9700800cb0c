using CertGrid.Abstractions.Booking;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Booking;

[GenerateSerializer, Alias("certgrid.state.booking-calendar")]
public sealed class BookingCalendarState : DurableState
{
    [Id(0)] public Dictionary<string, SessionSlot> Slots { get; set; } = [];
    [Id(1)] public Dictionary<string, SessionBooking> Bookings { get; set; } = [];

    /// <summary>Bookings whose reminder is scheduled in the community's deadline bucket.</summary>
    [Id(2)] public List<string> ScheduledReminders { get; set; } = [];
}
