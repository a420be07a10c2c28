import KaderCore
import KaderRPC

/// Params whose decoding is their whole check: every value is typed already, and what is
/// left to check is against the daemon's state (a program that exists, an event not yet
/// written), which the method does.
protocol DecodedInput: MethodInput, Decodable where Params == Self {}

extension DecodedInput {
    init(_ params: Self, in directory: RegionDirectory) throws(RPCError) { self = params }
}

extension ProgramGetParams: DecodedInput {}
extension EventsSubscribeParams: DecodedInput {}
