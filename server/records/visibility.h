// The visibility of records and their parts, with each kind's default: what
// a record created without one gets, and how a record stored before
// visibility existed is read (docs/access.md). Thread-safe.
#ifndef RENKEI_SERVER_RECORDS_VISIBILITY_H_
#define RENKEI_SERVER_RECORDS_VISIBILITY_H_

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::v1 {
class Need;
class Person;
class Seed;
}  // namespace renkei::v1

namespace renkei::records {

bool IsPublic(const v1::Need& need);          // default: coordinators only
bool IsPublic(const v1::Seed& seed);          // default: public
bool ProfileIsPublic(const v1::Person& person);  // default: public for researchers
                                                 // and coordinators
bool ContactIsPublic(const v1::Person& person);  // default: coordinators only

// Writes the defaults into the unset visibility fields of a new record.
void SetDefaultVisibility(google::protobuf::Message* record);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_VISIBILITY_H_
