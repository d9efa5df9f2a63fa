#include "providers/calendar_service.h"

namespace cadenced::providers {

apply_result calendar_service::apply(const std::vector<write_op>& ops) {
    apply_result result;
    result.outcomes.resize(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const write_op& op = ops[i];
        write_outcome& outcome = result.outcomes[i];
        try {
            switch (op.kind) {
                case action_kind::create: outcome.remote_id = create(*op.desired); break;
                case action_kind::update:
                    update(*op.remote, *op.desired);
                    outcome.remote_id = op.remote->remote_id;
                    break;
                case action_kind::remove: remove(*op.remote); break;
            }
            outcome.done = true;
        } catch (const api_error& e) {
            if (e.defer_target()) {
                result.stopped = e;
                return result;
            }
            outcome.error = e.what();
        }
    }
    return result;
}

}  // namespace cadenced::providers
