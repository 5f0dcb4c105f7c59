using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>The options of the <c>sidebyside</c> command, with their defaults.</summary>
internal sealed record SideBySideSettings
{
    public int Rounds { get; init; } = 5;

    /// <summary>
    /// Saturated messages before the measured ones. NB: long enough for the runtime's tiered compilation to settle:
    /// with 20,000 its background compiler still took 120–270 ms of CPU inside a measured phase of about 0.7 s (per-thread
    /// CPU, <see cref="ThreadTimes"/>), on a machine of two cores, and that was most of the spread between rounds; with
    /// 300,000 it took 10–30 ms.
    /// </summary>
    public int Warmup { get; init; } = 200_000;

    public int Messages { get; init; } = 100_000;

    public int Rate { get; init; } = 10_000;

    public double Seconds { get; init; } = 2;

    public int Window { get; init; } = 1_000;

    /// <summary>
    /// Saturated messages of each of the unrecorded runs that warm the server up before the first round (0: none).
    /// NB: the server is this process, and its code starts cold too: the bare socket's first round on tickers used to run at
    /// 240,000–300,000 msgs/s against 500,000–700,000 in the later ones, in every run of the fifth and sixth sessions.
    /// </summary>
    public int ServerWarmup { get; init; } = 200_000;

    public IReadOnlyList<FeedKind> Feeds { get; init; } = Enum.GetValues<FeedKind>();

    /// <summary>Every kind but those asked for by name (<see cref="ClientKinds.ByNameOnly"/>: inline decoding under many
    /// subscribers, the raw client that keeps state), which answer questions of their own, not the comparison.</summary>
    public IReadOnlyList<ClientKind> Clients { get; init; } = [.. Enum.GetValues<ClientKind>().Where(k => !k.ByNameOnly())];

    public ClientPlan Plan => new(Warmup, Messages, (int)(Rate * Seconds), Rate, Window);

    public const string Usage =
        "usage: sidebyside [--rounds 5] [--warmup 200000] [--messages 100000] [--rate 10000] [--seconds 2] [--window 1000] [--server-warmup 200000]\n" +
        "                  [--feeds tickers,orderbooks,mix] [--clients raw,rawdecode,rawdecode3,rawdecodekeep,rx1,rx1inline,rx1000,rx1000inline,rxdeflate,wsclient]\n" +
        "  --messages 0 --warmup 0 skips the saturated phases (a memory run at --rate for --seconds).";

    /// <summary>Parses <paramref name="args"/>; <see langword="null"/> when they are not valid.</summary>
    public static SideBySideSettings? TryParse(IReadOnlyList<string> args)
    {
        var settings = new SideBySideSettings();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[i + 1];
            settings = args[i] switch
            {
                "--rounds" => settings with { Rounds = Whole(value, 1) },
                "--warmup" => settings with { Warmup = Whole(value, 0) },
                "--messages" => settings with { Messages = Whole(value, 0) },
                "--rate" => settings with { Rate = Whole(value, 1) },
                "--seconds" => settings with { Seconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--window" => settings with { Window = Whole(value, 1) },
                "--server-warmup" => settings with { ServerWarmup = Whole(value, 0) },
                "--feeds" => settings with { Feeds = [.. value.Split(',').Select(s => Enum.Parse<FeedKind>(s, ignoreCase: true))] },
                "--clients" => settings with { Clients = [.. value.Split(',').Select(s => Enum.Parse<ClientKind>(s, ignoreCase: true))] },
                _ => throw new FormatException("unknown option " + args[i]),
            };
        }

        return settings;
    }

    private static int Whole(string value, int least)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n >= least ? n : throw new FormatException($"{value} is below {least}");
    }
}
